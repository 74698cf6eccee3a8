using CallCenter.Sip.Transport;

namespace CallCenter.Softphone;

/// <summary>What the command line asked for; <see cref="SoftphoneArguments"/> builds it.</summary>
internal sealed record SoftphoneOptions
{
    public const string PasswordVariable = "CALLCENTER_SOFTPHONE_PASSWORD";

    public required string ServerHost { get; init; }

    public required int ServerPort { get; init; }

    public required string User { get; init; }

    public required string Password { get; init; }

    /// <summary>The SIP domain of the address of record (and digest realm on our server); the server host when not given.</summary>
    public required string Domain { get; init; }

    /// <summary>0 takes any free port.</summary>
    public int LocalPort { get; init; }

    public SipProtocol Transport { get; init; } = SipProtocol.Udp;

    /// <summary>Send BYE this long after the call is up; null waits for the other side's BYE.</summary>
    public TimeSpan? HangupAfter { get; init; }

    /// <summary>Ring (180) this long before answering; null answers at once.</summary>
    public TimeSpan? AnswerAfter { get; init; }

    /// <summary>Calls taken at once; one more is declined with 486 Busy Here.</summary>
    public int Lines { get; init; } = 1;

    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(3600);
}
