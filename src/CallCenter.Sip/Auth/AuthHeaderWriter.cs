using System.Text;

namespace CallCenter.Sip.Auth;

/// <summary>Writes <c>scheme name=value, name="value"</c> header values that <see cref="AuthHeaderParser"/> reads back.</summary>
internal sealed class AuthHeaderWriter
{
    private readonly StringBuilder _sb;
    private bool _first = true;

    public AuthHeaderWriter(string scheme)
    {
        _sb = new StringBuilder(256).Append(scheme).Append(' ');
    }

    public AuthHeaderWriter Quoted(string name, string value)
    {
        Name(name).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                _sb.Append('\\').Append(c);
            }
            else if (AuthHeaderParser.IsQuotableChar(c))
            {
                _sb.Append(c);
            }

            // Other control characters (CR, LF, NUL...) cannot travel in a header at all; dropping them keeps
            // a locally configured value from splitting the header. The parser never yields them.
        }

        _sb.Append('"');
        return this;
    }

    public AuthHeaderWriter Token(string name, string token)
    {
        Name(name).Append(token);
        return this;
    }

    public override string ToString() => _sb.ToString();

    private StringBuilder Name(string name)
    {
        if (!_first)
        {
            _sb.Append(", ");
        }

        _first = false;
        return _sb.Append(name).Append('=');
    }
}
