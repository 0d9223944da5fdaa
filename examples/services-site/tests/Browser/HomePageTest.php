<?php

declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class HomePageTest extends TestCase
{
    private WebDriver $browser;

    protected function setUp(): void
    {
        $this->browser = WebDriver::fromEnvironment();
        $this->browser->open((string) getenv('APP_URL'));
    }

    protected function tearDown(): void
    {
        $this->browser->quit();
    }

    public function testTheHomePageShowsItsHeading(): void
    {
        $this->assertSame('Services site', $this->browser->text('h1'));
    }

    public function testTheHomePageShowsWhatRedisStored(): void
    {
        $this->assertStringStartsWith('Redis says: stored in Redis', $this->browser->text('#redis'));
    }

    /** Fails on purpose: Slipway's tests check that a failing browser step is reported with its screenshot. */
    public function testPlantedFailureExpectsAnotherHeading(): void
    {
        $heading = $this->browser->text('h1');
        if ($heading !== 'Another site') {
            $shot = $this->browser->screenshot('testPlantedFailureExpectsAnotherHeading');
            $this->fail("The heading is '$heading', not 'Another site' (screenshot: $shot)");
        }
    }
}
