using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// A Slack incoming webhook as documented: POST a JSON message with "text" (or "blocks") to the secret URL;
/// "ok" on success, plain-text errors such as 400 "invalid_payload" or "no_text" and 404 "no_service".
/// </summary>
public sealed class FakeSlackWebhook : IAsyncDisposable
{
    private readonly string secretPath;
    private readonly List<JsonObject> messages = [];
    private readonly Lock gate = new();

    public FakeSlackWebhook(string secretPath)
    {
        this.secretPath = secretPath;
        Server = new LoopbackHttpServer(Handle);
    }

    public LoopbackHttpServer Server { get; }

    public Uri WebhookUrl => new(Server.BaseUrl, secretPath.TrimStart('/'));

    public IReadOnlyList<JsonObject> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.ToList();
            }
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private HttpAnswer Handle(RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path != secretPath)
        {
            return HttpAnswer.Text(404, "no_service");
        }

        if (request.Json is not { } message)
        {
            return HttpAnswer.Text(400, "invalid_payload");
        }

        if (message["text"] is null && message["blocks"] is null)
        {
            return HttpAnswer.Text(400, "no_text");
        }

        if (message["blocks"] is JsonArray blocks && SlackBlockRules.Violation(blocks) is not null)
        {
            return HttpAnswer.Text(400, "invalid_blocks");
        }

        lock (gate)
        {
            messages.Add(message);
        }

        return HttpAnswer.Text(200, "ok");
    }
}
