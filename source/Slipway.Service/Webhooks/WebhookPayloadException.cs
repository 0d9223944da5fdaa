namespace Slipway.Service.Webhooks;

/// <summary>A delivery whose JSON lacks what its event must carry; answered 400 with this sentence.</summary>
public sealed class WebhookPayloadException(string message) : Exception(message);
