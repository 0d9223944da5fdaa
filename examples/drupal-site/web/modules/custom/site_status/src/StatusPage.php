<?php

declare(strict_types=1);

namespace Drupal\site_status;

/**
 * Renders the site's one page: which app, branch and build is running, and a greeting.
 */
final class StatusPage
{
    /**
     * @param string $themeAssets URL path of the theme's built assets (its dist/ folder)
     */
    public function __construct(private readonly string $themeAssets)
    {
    }

    /**
     * The full HTML document for the home page.
     */
    public function render(BuildInfo $build, string $greeting): string
    {
        $rows = [
            'App' => $build->app,
            'Branch' => $build->branch,
            'Build' => $build->buildId,
            'Commit' => $build->shortCommit(),
            'Built at' => $build->builtAt,
        ];
        $details = '';
        foreach ($rows as $label => $value) {
            $details .= sprintf(
                "      <dt>%s</dt><dd data-field=\"%s\">%s</dd>\n",
                $this->escape($label),
                $this->escape(strtolower(str_replace(' ', '-', $label))),
                $this->escape($value)
            );
        }

        return $this->document(
            $build->app . ' · ' . $build->branch,
            sprintf(
                "    <h1>%s</h1>\n    <p class=\"greeting\">%s</p>\n    <dl class=\"build\">\n%s    </dl>\n",
                $this->escape($build->app),
                $this->escape($greeting),
                $details
            )
        );
    }

    /**
     * The HTML document for a path the site does not serve.
     */
    public function renderNotFound(string $path): string
    {
        return $this->document(
            'Page not found',
            sprintf("    <h1>Page not found</h1>\n    <p>Nothing lives at <code>%s</code>.</p>\n", $this->escape($path))
        );
    }

    private function document(string $title, string $body): string
    {
        $assets = rtrim($this->themeAssets, '/');

        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
            . sprintf("  <title>%s</title>\n", $this->escape($title))
            . sprintf("  <link rel=\"stylesheet\" href=\"%s/harbour.min.css\">\n", $this->escape($assets))
            . sprintf("  <script src=\"%s/harbour.min.js\" defer></script>\n", $this->escape($assets))
            . "</head>\n<body>\n  <main>\n" . $body . "  </main>\n</body>\n</html>\n";
    }

    private function escape(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES | ENT_HTML5, 'UTF-8');
    }
}
