using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Playground;

/// <summary>Everything the readiness probe saw while it waited, and what it most likely means.</summary>
public sealed class ProbeReport
{
    private readonly Dictionary<int, int> _statuses = [];

    /// <summary>True once an answer passed the check.</summary>
    public bool Ready { get; private set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; private set; }

    /// <summary>How many answers had each final status.</summary>
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>What was wrong with the last answer (or that nothing answered).</summary>
    public string? LastProblem { get; private set; }

    internal void Add(ProbeAnswer answer)
    {
        Attempts++;
        Ready = answer.Ready;
        LastProblem = answer.Problem;
        if (answer.Status is { } status)
        {
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }
    }

    /// <summary>
    /// One sentence on the likely cause of a playground that never became ready, for the timeout message:
    /// 403 on every answer is a docroot Apache will not serve; 5xx is the app failing (its log says why).
    /// </summary>
    public string LikelyCause(AppProfile? profile)
    {
        var answered = _statuses.Values.Sum();
        if (answered == 0)
        {
            return $"Nothing answered HTTP in {Attempts} attempts ({LastProblem ?? "no connection"}): the web server did not start; its last lines say why.";
        }

        if (_statuses.Keys.All(status => status == 403))
        {
            var docroot = profile is null ? "the docroot" : $"the docroot ({(profile.Docroot == "." ? "the repository root" : profile.Docroot + "/")})";
            return $"Every request was answered 403 Forbidden: {docroot} is probably wrong or holds no index.php; set docroot in .slipway.yml.";
        }

        if (_statuses.Keys.Any(status => status >= 500))
        {
            return $"The app answered with server errors ({Counts()}): it fails while handling requests; its last lines say why.";
        }

        if (_statuses.Keys.All(status => status == 404))
        {
            return $"Every request was answered 404 Not Found ({LastProblem}): the readiness path or the docroot is wrong; set playground.readiness.path or docroot in .slipway.yml.";
        }

        return $"It answered ({Counts()}) but never as the readiness check wants: {LastProblem}; playground.readiness in .slipway.yml sets the path, statuses and text to expect.";
    }

    private string Counts() =>
        string.Join(", ", _statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Value} × {pair.Key}"));
}
