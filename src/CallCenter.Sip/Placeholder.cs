namespace CallCenter.Sip;

internal static class Placeholder
{
}
