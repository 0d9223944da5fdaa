<?php

declare(strict_types=1);

namespace Drupal\Tests\site_status\Unit;

use Drupal\site_status\BuildInfoReader;
use PHPUnit\Framework\TestCase;

final class BuildInfoReaderTest extends TestCase
{
    private string $buildFile;

    protected function setUp(): void
    {
        $this->buildFile = (string) tempnam(sys_get_temp_dir(), 'build');
        file_put_contents($this->buildFile, json_encode([
            'app' => 'drupal-site',
            'branch' => 'feature/login',
            'commit' => '0123456789abcdef0123456789abcdef01234567',
            'build_id' => '42',
            'built_at' => '2024-05-01T10:00:00Z',
        ]));
    }

    protected function tearDown(): void
    {
        unlink($this->buildFile);
    }

    public function testReadReturnsWhatTheBuildRecorded(): void
    {
        $build = (new BuildInfoReader())->read($this->buildFile, []);

        self::assertSame('drupal-site', $build->app);
        self::assertSame('feature/login', $build->branch);
        self::assertSame('0123456', $build->shortCommit());
        self::assertSame('42', $build->buildId);
    }

    public function testReadPrefersTheBranchFromTheEnvironment(): void
    {
        $build = (new BuildInfoReader())->read($this->buildFile, ['SLIPWAY_BRANCH' => 'hotfix/x']);

        self::assertSame('hotfix/x', $build->branch);
    }

    public function testReadWithoutABuildFileReportsAnUnknownBuild(): void
    {
        $build = (new BuildInfoReader())->read($this->buildFile . '.missing', []);

        self::assertSame('unknown', $build->branch);
        self::assertSame('unknown', $build->buildId);
    }

    public function testReadWithACorruptBuildFileReportsAnUnknownBuild(): void
    {
        file_put_contents($this->buildFile, '{"app": ');

        $build = (new BuildInfoReader())->read($this->buildFile, []);

        self::assertSame('unknown', $build->app);
    }
}
