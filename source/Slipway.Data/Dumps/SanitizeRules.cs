namespace Slipway.Data.Dumps;

/// <summary>A column whose values are replaced in every stored dump.</summary>
/// <param name="Table">The table, e.g. <c>users</c>.</param>
/// <param name="Column">The column, e.g. <c>mail</c>.</param>
/// <param name="Template">
/// The new value; <c>{column}</c> stands for that column's value in the same row, e.g.
/// <c>user{uid}@example.invalid</c>. Empty and NULL values stay as they are.
/// </param>
public sealed record ColumnRule(string Table, string Column, string Template);

/// <summary>What a dump loses before it is stored.</summary>
/// <param name="EmptiedTables">Tables whose rows are left out (structure kept); a trailing <c>*</c> matches any ending.</param>
/// <param name="Columns">Columns whose values are replaced.</param>
/// <param name="ExtraStatements">SQL appended to the dump, run at every import (e.g. from <c>.slipway.yml</c>).</param>
public sealed record SanitizeRules(
    IReadOnlyList<string> EmptiedTables,
    IReadOnlyList<ColumnRule> Columns,
    IReadOnlyList<string> ExtraStatements)
{
    /// <summary>A password value no hash check accepts: users log in after a reset or a hook sets one.</summary>
    public const string PasswordPlaceholder = "sanitized-by-slipway";

    /// <summary>
    /// Drupal 7 and Drupal 8+ together: user e-mails (<c>mail</c>, <c>init</c>) and password hashes
    /// replaced in <c>users</c> and <c>users_field_data</c>; sessions, caches, watchdog and flood emptied.
    /// </summary>
    public static SanitizeRules Drupal { get; } = new(
        ["sessions", "cache", "cache_*", "cachetags", "watchdog", "flood"],
        [
            .. new[] { "users", "users_field_data" }.SelectMany(table => new[]
            {
                new ColumnRule(table, "mail", "user{uid}@example.invalid"),
                new ColumnRule(table, "init", "user{uid}@example.invalid"),
                new ColumnRule(table, "pass", PasswordPlaceholder),
            }),
        ],
        []);

    /// <summary>These rules plus <paramref name="statements"/> run at every import.</summary>
    public SanitizeRules WithExtraStatements(IEnumerable<string> statements) =>
        this with { ExtraStatements = [.. ExtraStatements, .. statements] };

    public bool Empties(string table) => EmptiedTables.Any(pattern => pattern.EndsWith('*')
        ? table.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : table == pattern);
}
