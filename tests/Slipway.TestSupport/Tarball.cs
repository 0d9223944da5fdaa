using System.Formats.Tar;
using System.IO.Compression;

namespace Slipway.TestSupport;

/// <summary>A tar.gz fetched the way a playground's start script fetches the app's files: a plain GET, gunzip, untar.</summary>
public static class Tarball
{
    /// <summary>Entry name → content (folders have none) and entry name → type, in the archive's order.</summary>
    /// <exception cref="HttpRequestException">The URL did not answer 200; the message holds the answer.</exception>
    public static async Task<IReadOnlyList<(string Name, TarEntryType Type, byte[] Content)>> FetchAsync(Uri url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var entries = new List<(string, TarEntryType, byte[])>();
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: true) is { } entry)
        {
            using var content = new MemoryStream();
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(content);
            }

            entries.Add((entry.Name, entry.EntryType, content.ToArray()));
        }

        return entries;
    }
}
