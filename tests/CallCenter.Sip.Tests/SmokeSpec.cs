namespace CallCenter.Sip.Tests;

public class SmokeSpec
{
    [Fact]
    public void Assembly_loads() => Assert.Equal("CallCenter.Sip", typeof(CallCenter.Sip.Placeholder).Assembly.GetName().Name);
}
