<?php

declare(strict_types=1);

namespace Drupal\site_status;

/**
 * What Slipway recorded about the build that produced the running code.
 */
final class BuildInfo
{
    public function __construct(
        public readonly string $app,
        public readonly string $branch,
        public readonly string $commit,
        public readonly string $buildId,
        public readonly string $builtAt,
    ) {
    }

    /**
     * The abbreviated commit, as git shows it in one-line logs.
     */
    public function shortCommit(): string
    {
        return substr($this->commit, 0, 7);
    }
}
