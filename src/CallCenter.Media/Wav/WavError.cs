namespace CallCenter.Media.Wav;

/// <summary>Why a file could not be read as audio.</summary>
public enum WavError
{
    None,

    /// <summary>Does not start with a RIFF header.</summary>
    NotRiff,

    /// <summary>A RIFF file, but not of form type WAVE.</summary>
    NotWave,

    /// <summary>A chunk header or the fmt chunk runs past the end of the file.</summary>
    Truncated,

    /// <summary>No fmt chunk before the end.</summary>
    MissingFormat,

    /// <summary>No data chunk.</summary>
    MissingData,

    /// <summary>The fmt chunk contradicts itself (block align, byte rate, zero channels or rate).</summary>
    InvalidFormat,

    /// <summary>Well formed, but an encoding, width, rate or channel count we do not handle.</summary>
    UnsupportedFormat,
}
