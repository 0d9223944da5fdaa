using System.Globalization;
using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// Slack's Web API methods chat.postMessage and chat.update as documented: Bearer token, JSON body,
/// "channel" (postMessage takes a name or ID, chat.update only the ID it returned), "ts" on updates,
/// "text" or "blocks" required, "thread_ts" for replies; errors as HTTP 200 with ok:false.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string ChannelName = "#ci-builds";
    public const string ChannelId = "C0CIBUILDS";

    private readonly string acceptedToken;
    private readonly Dictionary<string, JsonObject> messages = [];
    private readonly List<SlackCall> calls = [];
    private readonly Lock gate = new();
    private long nextTs = 1_700_000_000_000_100;

    public FakeSlackApi(string acceptedToken)
    {
        this.acceptedToken = acceptedToken;
        Server = new LoopbackHttpServer(Handle);
    }

    public LoopbackHttpServer Server { get; }

    /// <summary>The API root as the Slack settings take it.</summary>
    public Uri ApiBaseUrl => new(Server.BaseUrl, "api/");

    /// <summary>Calls Slack took (ok:true), in order.</summary>
    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToList();
            }
        }
    }

    /// <summary>Top-level messages by ts, as last posted or updated.</summary>
    public IReadOnlyDictionary<string, JsonObject> Messages
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, JsonObject>(messages);
            }
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private HttpAnswer Handle(RecordedRequest request)
    {
        var method = request.Path.StartsWith("/api/", StringComparison.Ordinal) ? request.Path["/api/".Length..] : "";
        if (request.Method != "POST" || method is not ("chat.postMessage" or "chat.update"))
        {
            return Error("unknown_method");
        }

        var authorization = request.Header("Authorization");
        if (authorization is null)
        {
            return Error("not_authed");
        }

        if (authorization != $"Bearer {acceptedToken}")
        {
            return Error("invalid_auth");
        }

        if (request.Header("Content-Type") is not { } contentType || !contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            return Error("invalid_form_data");
        }

        if (request.Json is not { } payload)
        {
            return Error("invalid_json");
        }

        if (payload["text"] is null && payload["blocks"] is null)
        {
            return Error("no_text");
        }

        if (payload["blocks"] is { } blocks && (blocks is not JsonArray array || SlackBlockRules.Violation(array) is not null))
        {
            return Error("invalid_blocks");
        }

        lock (gate)
        {
            return method == "chat.postMessage" ? PostMessage(payload) : Update(payload);
        }
    }

    private HttpAnswer PostMessage(JsonObject payload)
    {
        var channel = ChannelOf(payload);
        if (channel is not (ChannelName or ChannelId))
        {
            return Error("channel_not_found");
        }

        var threadTs = TextOf(payload["thread_ts"]);
        if (threadTs is not null && !messages.ContainsKey(threadTs))
        {
            return Error("thread_not_found");
        }

        var ts = NextTs();
        if (threadTs is null)
        {
            messages[ts] = payload;
        }

        calls.Add(new SlackCall("chat.postMessage", payload, ts, DateTimeOffset.UtcNow));
        return HttpAnswer.Json(200, new JsonObject
        {
            ["ok"] = true,
            ["channel"] = ChannelId,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["text"] = payload["text"]?.DeepClone(), ["ts"] = ts },
        });
    }

    private HttpAnswer Update(JsonObject payload)
    {
        // chat.update takes the channel ID only; a #name is not found.
        if (ChannelOf(payload) != ChannelId)
        {
            return Error("channel_not_found");
        }

        if (TextOf(payload["ts"]) is not { } ts || !messages.ContainsKey(ts))
        {
            return Error("message_not_found");
        }

        messages[ts] = payload;
        calls.Add(new SlackCall("chat.update", payload, ts, DateTimeOffset.UtcNow));
        return HttpAnswer.Json(200, new JsonObject { ["ok"] = true, ["channel"] = ChannelId, ["ts"] = ts, ["text"] = payload["text"]?.DeepClone() });
    }

    private string NextTs()
    {
        var value = nextTs++;
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    private static string? ChannelOf(JsonObject payload) => TextOf(payload["channel"]);

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static HttpAnswer Error(string error) => HttpAnswer.Json(200, new JsonObject { ["ok"] = false, ["error"] = error });
}
