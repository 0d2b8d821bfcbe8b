using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim.Tests;

/// <summary>A real HTTP receiver on 127.0.0.1 (Kestrel, random port) that records every webhook request it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The URL deliveries should go to.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The status the receiver answers (200 unless a test says otherwise).</summary>
    public int AnswerStatus { get; set; } = 200;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/{**path}", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted);
            await receiver._received.Writer.WriteAsync(new ReceivedWebhook(
                ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.Headers.Authorization.ToString(), ctx.Request.ContentType ?? "", body));
            ctx.Response.StatusCode = receiver.AnswerStatus;
            await ctx.Response.WriteAsync(receiver.AnswerStatus < 300 ? "thanks" : "receiver is broken", ctx.RequestAborted);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/webhooks/halopsa/demo";
        return receiver;
    }

    /// <summary>The next request, waiting at most 10 s (a bound for work in flight, not a timing assertion).</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(bound.Token);
    }

    /// <summary>Requests already received and not yet taken.</summary>
    public List<ReceivedWebhook> Drain()
    {
        var list = new List<ReceivedWebhook>();
        while (_received.Reader.TryRead(out var item))
        {
            list.Add(item);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
