using System.Net;
using System.Reflection;
using Amazon.S3;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>
/// A real S3 client (moto's) whose next upload of a files snapshot (<c>files.tar.gz</c>, one part or many) fails once
/// when <see cref="FailNext"/> is set, as a dropped connection would: everything else goes through unchanged.
/// </summary>
public class FailingSnapshotUpload : DispatchProxy
{
    private IAmazonS3 _inner = null!;

    public bool FailNext { get; set; }

    public static IAmazonS3 Around(IAmazonS3 inner)
    {
        var proxy = Create<IAmazonS3, FailingSnapshotUpload>();
        ((FailingSnapshotUpload)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (FailNext && targetMethod!.Name is "PutObjectAsync" or "InitiateMultipartUploadAsync" &&
            args!.Any(argument => argument?.GetType().GetProperty("Key")?.GetValue(argument) is string key && key.EndsWith("files.tar.gz", StringComparison.Ordinal)))
        {
            FailNext = false;
            throw new AmazonS3Exception("The connection was reset.") { StatusCode = HttpStatusCode.ServiceUnavailable, ErrorCode = "ConnectionReset" };
        }

        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
