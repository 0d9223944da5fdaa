namespace Slipway.Status;

/// <summary>
/// A screenshot of a failing browser step where people can open it: the service's screenshot page of the run, or a
/// presigned address in a store. Only made when such an address exists; a run on a laptop has none.
/// </summary>
/// <param name="Name">The file's name, e.g. <c>testLogin.png</c> (a plain file name, checked when it was read).</param>
/// <param name="Url">Where it opens.</param>
public sealed record ScreenshotLink(string Name, Uri Url)
{
    /// <summary>
    /// True for a presigned store address: a bearer link that opens the file for anyone holding it, without a login.
    /// Such links go to Slack only, never into a GitHub check, which anyone can read on a public repository.
    /// </summary>
    public bool Signed { get; init; }
}
