using System.Runtime.InteropServices;
using CallCenter.Softphone;

// An agent softphone on CallCenter.Sip: see SoftphoneArguments.Usage (or --help) for what it does and its exit codes.
var parsed = SoftphoneArguments.Parse(args, Environment.GetEnvironmentVariable);
switch (parsed)
{
    case ParsedArguments.Help:
        Console.WriteLine(SoftphoneArguments.Usage);
        return 0;
    case ParsedArguments.Invalid invalid:
        EventLog.Error($"{invalid.Error} (see --help)");
        return SoftphoneStartException.BadArguments;
}

var options = ((ParsedArguments.Run)parsed).Options;
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

Softphone phone;
try
{
    phone = await Softphone.StartAsync(options);
}
catch (SoftphoneStartException e)
{
    EventLog.Error(e.Message);
    return e.ExitCode;
}

await using (phone)
{
    var registering = phone.RegisterAsync(TimeSpan.FromSeconds(15));
    if (await Task.WhenAny(registering, stop.Task) == registering && await registering is { } failure)
    {
        EventLog.Error(failure.Message);
        return failure.ExitCode;
    }

    await stop.Task;
    phone.HangUpAll();
    await phone.UnregisterAsync(TimeSpan.FromSeconds(5));
}

return 0;

void Stop(PosixSignalContext context)
{
    // Keep the process alive until the calls are hung up and the binding removed.
    context.Cancel = true;
    stop.TrySetResult();
}
