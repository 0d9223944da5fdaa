using System.Net;
using System.Net.Http.Headers;
using Slipway.Docker.Build;

namespace Slipway.Docker.Engine;

/// <summary>A request body that writes the build context's tar straight to the connection (chunked, never buffered whole).</summary>
internal sealed class BuildContextContent : HttpContent
{
    private readonly BuildContext context;

    public BuildContextContent(BuildContext context)
    {
        this.context = context;
        Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? transportContext) =>
        SerializeToStreamAsync(stream, transportContext, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? transportContext, CancellationToken cancellationToken) =>
        context.WriteTarAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
