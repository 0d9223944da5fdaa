<?php

declare(strict_types=1);

namespace Drupal\site_status;

use JsonException;

/**
 * Reads .slipway/build.json, written by Slipway's build step, into a BuildInfo.
 *
 * The environment wins over the file for the branch, so that one image can be served as a
 * playground under another branch name.
 */
final class BuildInfoReader
{
    private const UNKNOWN = 'unknown';

    /**
     * @param array<string, string> $environment usually getenv()
     */
    public function read(string $buildFile, array $environment): BuildInfo
    {
        $recorded = $this->recordedValues($buildFile);
        $value = static fn (string $key): string => is_scalar($recorded[$key] ?? null)
            && (string) $recorded[$key] !== '' ? (string) $recorded[$key] : self::UNKNOWN;
        $branch = ($environment['SLIPWAY_BRANCH'] ?? '') !== ''
            ? $environment['SLIPWAY_BRANCH']
            : $value('branch');

        return new BuildInfo($value('app'), $branch, $value('commit'), $value('build_id'), $value('built_at'));
    }

    /**
     * @return array<mixed>
     */
    private function recordedValues(string $buildFile): array
    {
        if (!is_file($buildFile) || !is_readable($buildFile)) {
            return [];
        }
        try {
            $decoded = json_decode((string) file_get_contents($buildFile), true, 8, JSON_THROW_ON_ERROR);
        } catch (JsonException) {
            return [];
        }

        return is_array($decoded) ? $decoded : [];
    }
}
