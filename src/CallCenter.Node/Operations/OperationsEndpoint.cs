using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Gateway;
using CallCenter.Node.Config;
using CallCenter.Node.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Node.Operations;

/// <summary>
/// HTTP for operators and load balancers on <c>callcenter.http</c> (127.0.0.1 by default): <c>/health</c> (200 while the
/// node takes calls and its gateway answers; 503 while it starts or shuts down), <c>/metrics</c> (Prometheus text) and
/// <c>/status</c> (the status command's JSON). Registered before the actor system, so it stops after it and keeps
/// answering 503 while calls drain.
/// </summary>
public sealed class OperationsEndpoint(
    NodeConfiguration configuration, ActorRegistry registry, NodeReadiness readiness, IHostApplicationLifetime lifetime, ILogger<OperationsEndpoint> log)
    : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan GatewayTimeout = TimeSpan.FromSeconds(2);

    private WebApplication? _app;

    /// <summary>Where it listens once started (the real port when 0 was configured); null when turned off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.Http is not { } http)
        {
            return;
        }

        lifetime.ApplicationStopping.Register(readiness.Stopping);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(http.Bind, http.Port));
        var app = builder.Build();
        app.Run(Answer);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = address is null ? null : new Uri(address);
        log.LogInformation("Operations endpoint on {Address} (/health, /metrics, /status)", Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task Answer(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/health":
                await HealthAsync(context);
                break;
            case "/metrics":
                await WithStatusAsync(context, status => (PrometheusText.ContentType, PrometheusText.Format(status, readiness.Phase)));
                break;
            case "/status":
                await WithStatusAsync(context, status => ("application/json", NodeStatus.ToJson(status)));
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("not found: try /health, /metrics or /status\n", context.RequestAborted);
                break;
        }
    }

    private async Task HealthAsync(HttpContext context)
    {
        var (code, text) = readiness.Phase switch
        {
            NodePhase.Starting => (StatusCodes.Status503ServiceUnavailable, "starting"),
            NodePhase.Stopping => (StatusCodes.Status503ServiceUnavailable, "stopping"),
            _ => await GatewayAnswersAsync(context.RequestAborted)
                ? (StatusCodes.Status200OK, "ready")
                : (StatusCodes.Status503ServiceUnavailable, "the SIP gateway does not answer"),
        };
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }

    private async Task<bool> GatewayAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.Get<SipGatewayActor>().Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, GatewayTimeout, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or MissingActorRegistryEntryException)
        {
            return false;
        }
    }

    private async Task WithStatusAsync(HttpContext context, Func<NodeStatus.StatusLine, (string ContentType, string Body)> render)
    {
        NodeStatus.StatusLine status;
        try
        {
            status = await NodeStatus.ReadAsync(registry, configuration, context.RequestAborted);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or MissingActorRegistryEntryException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("the node did not answer\n", context.RequestAborted);
            return;
        }

        var (contentType, body) = render(status);
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
