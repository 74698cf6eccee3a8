using System.Collections.Frozen;
using System.Runtime.Serialization;

namespace CallCenter.Actors.Serialization;

/// <summary>A two-way map between persisted types and their stable string manifests; duplicates fail at construction.</summary>
public sealed class ManifestTable
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _manifests = [];
    private FrozenDictionary<string, Type>? _frozenTypes;
    private FrozenDictionary<Type, string>? _frozenManifests;

    /// <summary>Every (manifest, type) pair, for specs and diagnostics.</summary>
    public IReadOnlyDictionary<string, Type> Entries => Frozen().Types;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>; a manifest, once released, never changes.</summary>
    public ManifestTable Add<T>(string manifest)
    {
        if (_frozenTypes is not null)
        {
            throw new InvalidOperationException("the manifest table is already in use; add entries where it is declared");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (_types.TryGetValue(manifest, out var taken))
        {
            throw new ArgumentException($"manifest '{manifest}' is used twice: by {taken.FullName} and {typeof(T).FullName}", nameof(manifest));
        }

        if (_manifests.TryGetValue(typeof(T), out var existing))
        {
            throw new ArgumentException($"{typeof(T).FullName} has two manifests: '{existing}' and '{manifest}'", nameof(manifest));
        }

        _types.Add(manifest, typeof(T));
        _manifests.Add(typeof(T), manifest);
        return this;
    }

    public bool TryGetManifest(Type type, out string manifest) => Frozen().Manifests.TryGetValue(type, out manifest!);

    /// <summary>The manifest of <paramref name="type"/>; a type without one is a programming error reported before anything is written.</summary>
    public string ManifestFor(Type type) =>
        TryGetManifest(type, out var manifest)
            ? manifest
            : throw new SerializationException(
                $"{type.FullName} has no manifest: add a line for it to {nameof(CallCenterManifests)}.{nameof(CallCenterManifests.Table)}");

    /// <summary>The type written under <paramref name="manifest"/>; an unknown one means a newer writer or a corrupt row.</summary>
    public Type TypeFor(string manifest) =>
        Frozen().Types.TryGetValue(manifest, out var type)
            ? type
            : throw new SerializationException(
                $"unknown call-center manifest '{manifest}' (serializer {CallCenterSerializer.SerializerId}): "
                + "written by a newer version of the application, or not a call-center payload");

    // Reads never race with writes: entries are added in the static initializer, before the table is published.
    private (FrozenDictionary<string, Type> Types, FrozenDictionary<Type, string> Manifests) Frozen()
    {
        _frozenTypes ??= _types.ToFrozenDictionary(StringComparer.Ordinal);
        _frozenManifests ??= _manifests.ToFrozenDictionary();
        return (_frozenTypes, _frozenManifests);
    }
}
