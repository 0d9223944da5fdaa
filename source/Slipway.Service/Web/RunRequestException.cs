namespace Slipway.Service.Web;

/// <summary>A request from the form or the API that cannot be run; answered 400 with this sentence.</summary>
public sealed class RunRequestException(string message) : Exception(message);
