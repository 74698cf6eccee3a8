namespace CallCenter.Domain;

/// <summary>The reply to a command: Ok, NoOp, or Rejected with a reason. Domain refusals are values, never exceptions.</summary>
public sealed record CommandResult(ResultCode Code, string? Reason = null)
{
    public static CommandResult Ok { get; } = new(ResultCode.Ok);

    public static CommandResult NoOp { get; } = new(ResultCode.NoOp);

    public bool IsOk => Code == ResultCode.Ok;

    public bool IsNoOp => Code == ResultCode.NoOp;

    public bool IsRejected => Code == ResultCode.Rejected;

    public static CommandResult Rejected(string reason) => new(ResultCode.Rejected, reason);

    public override string ToString() => Reason is null ? Code.ToString() : $"{Code}: {Reason}";
}
