namespace CallCenter.Softphone;

/// <summary>The softphone cannot run: the message is for the user, the exit code for scripts (see --help).</summary>
internal sealed class SoftphoneStartException(int exitCode, string message) : Exception(message)
{
    public const int BadArguments = 2;
    public const int Unreachable = 3;
    public const int Refused = 4;

    public int ExitCode { get; } = exitCode;
}
