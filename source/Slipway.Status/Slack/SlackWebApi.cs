using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Status.Http;

namespace Slipway.Status.Slack;

/// <summary>The two Slack Web API methods Slipway calls, with a bot token, as JSON.</summary>
internal sealed class SlackWebApi(HttpClient httpClient, DeliveryPolicy policy, string botToken, Uri apiBaseUrl)
{
    /// <summary>Slack's Web API root.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://slack.com/api/");

    private readonly RetryingRequestSender sender = new(httpClient, policy, "Slack");

    /// <summary>Posts <paramref name="message"/> (text and blocks) to <paramref name="channel"/>, in a thread when <paramref name="threadTs"/> is given.</summary>
    public async Task<SlackMessageRef> PostMessageAsync(
        string channel,
        JsonObject message,
        string? threadTs,
        CancellationToken cancellationToken)
    {
        var payload = message.DeepClone().AsObject();
        payload["channel"] = channel;
        payload["unfurl_links"] = false;
        payload["unfurl_media"] = false;
        if (threadTs is not null)
        {
            payload["thread_ts"] = threadTs;
        }

        var answer = await CallAsync("chat.postMessage", payload, cancellationToken);
        return new SlackMessageRef(
            StringOf(answer["channel"]) ?? channel,
            StringOf(answer["ts"]) ?? throw new StatusReportingException("Slack answered chat.postMessage without a message ts."));
    }

    /// <summary>Replaces the text and blocks of the message <paramref name="target"/>.</summary>
    public async Task UpdateAsync(SlackMessageRef target, JsonObject message, CancellationToken cancellationToken)
    {
        var payload = message.DeepClone().AsObject();
        payload["channel"] = target.Channel;
        payload["ts"] = target.Ts;
        await CallAsync("chat.update", payload, cancellationToken);
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject payload, CancellationToken cancellationToken)
    {
        var url = new Uri($"{apiBaseUrl.AbsoluteUri.TrimEnd('/')}/{method}");
        var json = payload.ToJsonString();
        var (code, body) = await sender.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(json, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
                return request;
            },
            method,
            cancellationToken);

        JsonObject? answer = null;
        try
        {
            answer = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (answer is null)
        {
            throw new StatusReportingException($"Slack answered {method} with HTTP {(int)code} and no JSON.");
        }

        // Slack reports most errors, rate limits included, as HTTP 200 with "ok": false.
        if (!(answer["ok"] is JsonValue ok && ok.TryGetValue(out bool isOk) && isOk))
        {
            var error = StringOf(answer["error"]) ?? "an unnamed error";
            throw new StatusReportingException($"Slack refused {method} with \"{error}\"{Hint(error)}");
        }

        return answer;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

    private static string Hint(string error) => error switch
    {
        "not_authed" or "invalid_auth" or "token_revoked" or "token_expired" or "account_inactive" =>
            ": check SLACK_BOT_TOKEN.",
        "channel_not_found" => ": check the Slack channel setting (a channel ID or #name the bot can see).",
        "not_in_channel" => ": invite the bot to the channel.",
        "missing_scope" => ": give the Slack app the chat:write scope.",
        "ratelimited" => ": Slack asked to slow down, so this update was skipped.",
        "message_not_found" or "cant_update_message" or "edit_window_closed" =>
            ": the run's message can no longer be updated.",
        _ => ".",
    };
}
