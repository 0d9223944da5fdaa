<?php

declare(strict_types=1);

namespace Drupal\Tests\site_status\Unit;

use Drupal\site_status\BuildInfo;
use Drupal\site_status\StatusPage;
use PHPUnit\Framework\TestCase;

final class StatusPageTest extends TestCase
{
    public function testRenderShowsAppBranchAndBuild(): void
    {
        $build = new BuildInfo('drupal-site', 'feature/login', 'abcdef0123', '7', '2024-05-01T10:00:00Z');

        $html = (new StatusPage('/themes/custom/harbour/dist'))->render($build, 'Hello!');

        self::assertStringContainsString('<dd data-field="branch">feature/login</dd>', $html);
        self::assertStringContainsString('<dd data-field="build">7</dd>', $html);
        self::assertStringContainsString('<dd data-field="commit">abcdef0</dd>', $html);
        self::assertStringContainsString('href="/themes/custom/harbour/dist/harbour.min.css"', $html);
    }

    public function testRenderEscapesWhatItShows(): void
    {
        $build = new BuildInfo('site', '<script>x</script>', 'abc', '1', 'now');

        $html = (new StatusPage('/assets'))->render($build, 'Hi & welcome');

        self::assertStringNotContainsString('<script>x</script>', $html);
        self::assertStringContainsString('&lt;script&gt;x&lt;/script&gt;', $html);
        self::assertStringContainsString('Hi &amp; welcome', $html);
    }

    public function testRenderNotFoundNamesThePath(): void
    {
        $html = (new StatusPage('/assets'))->renderNotFound('/nope');

        self::assertStringContainsString('<code>/nope</code>', $html);
    }
}
