using Microsoft.AspNetCore.Http;
using Slipway.Service.Hosting;

namespace Slipway.Service.Web;

/// <summary>
/// The last word on a request that failed in a way no endpoint foresaw: a 500 with a sentence for the person or
/// script that sent it, and the details in the service's log, instead of an empty 500 and nothing said.
/// </summary>
public sealed class UnexpectedErrorAnswer(ServiceLog log)
{
    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            log.Error($"{context.Request.Method} {context.Request.Path} failed: {exception.GetType().Name}: {exception.Message}");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Slipway could not answer this request; the service's log says why.\n");
        }
    }
}
