using Amazon.S3;

namespace Slipway.Data.Storage;

/// <summary>Calls to one bucket whose failures become one sentence naming the bucket and what to fix.</summary>
internal sealed class S3Calls(string bucket)
{
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception exception)
        {
            throw Explain(exception);
        }
    }

    public async Task CallAsync(Func<Task> call) => await CallAsync(async () =>
    {
        await call();
        return true;
    });

    public DataException Explain(AmazonS3Exception exception) => exception.ErrorCode switch
    {
        "NoSuchBucket" => new DataException($"The bucket '{bucket}' does not exist: create it or fix --dump-bucket.", exception),
        "AccessDenied" or "AllAccessDisabled" => new DataException(
            $"Access to the bucket '{bucket}' was denied: allow s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket (docs/iam-policy.json).", exception),
        _ => new DataException($"The bucket '{bucket}' failed: {exception.Message}", exception),
    };
}
