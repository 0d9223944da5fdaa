using System.Net.Http.Headers;
using System.Text;

namespace Slipway.Status.Http;

/// <summary>A request with a UTF-8 JSON body and the provider's authorization and accepted media type.</summary>
internal static class JsonRequests
{
    public static HttpRequestMessage Create(HttpMethod method, Uri url, string json, AuthenticationHeaderValue authorization, string accept)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }
}
