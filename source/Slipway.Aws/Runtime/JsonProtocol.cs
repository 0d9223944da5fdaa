using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Aws.Runtime;

/// <summary>The AWS JSON 1.1 protocol (ECS, ECR, CloudWatch Logs): POST / with X-Amz-Target naming the operation.</summary>
internal sealed class JsonProtocol(AwsRequestSender sender)
{
    private const string ContentType = "application/x-amz-json-1.1";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Region => sender.Region;

    public async Task<TResponse> CallAsync<TRequest, TResponse>(AwsOperation operation, TRequest request, CancellationToken cancellationToken)
    {
        var target = operation.Service.JsonTargetPrefix
            ?? throw new InvalidOperationException($"{operation.Service.Name} does not speak the JSON protocol.");
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SerializerOptions);
        var headers = new Dictionary<string, string> { ["X-Amz-Target"] = $"{target}.{operation.Name}" };
        var answer = await sender.SendAsync(operation, new AwsRequest(HttpMethod.Post, "/", body, ContentType, headers), cancellationToken);
        return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(answer) ? "{}" : answer, SerializerOptions)
            ?? throw new AwsException($"AWS answered {operation.Action} with an empty document: try again, or report it if it persists.", operation.Action);
    }
}
