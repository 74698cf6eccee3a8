using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Actors.Serialization;

/// <summary>Writes an id record struct as its plain string value, so journal rows read <c>"c-1"</c>, not <c>{"Value":"c-1"}</c>.</summary>
internal sealed class StringIdConverter<TId>(Func<string, TId> create, Func<TId, string> value) : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TId).Name} must be a JSON string, found {reader.TokenType}");
        }

        return Create(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, TId id, JsonSerializerOptions options) => writer.WriteStringValue(ValueOf(id));

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId id, JsonSerializerOptions options) =>
        writer.WritePropertyName(ValueOf(id));

    // The id constructors reject blank values with ArgumentException; the serializer reports JsonException for any bad payload.
    private TId Create(string? text)
    {
        try
        {
            return create(text!);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(TId).Name}", e);
        }
    }

    // default(TId) carries a null value: writing it would produce an id that can never be read back.
    private string ValueOf(TId id) =>
        value(id) ?? throw new JsonException($"cannot write an empty {typeof(TId).Name} (default value)");
}
