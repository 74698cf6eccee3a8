namespace CallCenter.Sip.Messages;

/// <summary>Method names of RFC 3261 and its common extensions. Methods are case-sensitive tokens.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Register = "REGISTER";
    public const string Options = "OPTIONS";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known =
        [Invite, Ack, Bye, Cancel, Register, Options, Info, Update, Prack, Subscribe, Notify, Refer, Message, Publish];

    /// <summary>Returns the shared instance for a known method so parsing a method allocates nothing.</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }

        return method.ToString();
    }
}
