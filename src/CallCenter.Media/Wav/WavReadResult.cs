using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Media.Wav;

/// <summary>The audio of a WAV file, or why there is none (with a sentence fit for a log or a config error).</summary>
public sealed record WavReadResult(WavAudio? Audio, WavError Error, string Detail)
{
    [MemberNotNullWhen(true, nameof(Audio))]
    public bool Succeeded => Error == WavError.None && Audio is not null;

    internal static WavReadResult Success(WavAudio audio) => new(audio, WavError.None, "");

    internal static WavReadResult Fail(WavError error, string detail) => new(null, error, detail);
}
