<?php

declare(strict_types=1);

namespace Drupal\Tests\site_status\Unit;

use DateTimeImmutable;
use PHPUnit\Framework\TestCase;
use Slipway\Greeting\Greeter;

final class GreeterTest extends TestCase
{
    /**
     * @dataProvider partsOfDay
     */
    public function testGreetSaysThePartOfDayForTheHour(string $time, string $expected): void
    {
        $greeting = (new Greeter())->greet('Ada', new DateTimeImmutable('2024-05-01 ' . $time));

        self::assertSame($expected, $greeting);
    }

    /**
     * @return array<string, array{string, string}>
     */
    public function partsOfDay(): array
    {
        return [
            'early morning' => ['06:30', 'Good morning, Ada!'],
            'afternoon' => ['12:00', 'Good afternoon, Ada!'],
            'evening' => ['18:15', 'Good evening, Ada!'],
            'late night' => ['23:59', 'Good night, Ada!'],
            'small hours' => ['04:59', 'Good night, Ada!'],
        ];
    }

    public function testGreetWithABlankNameGreetsThere(): void
    {
        $greeting = (new Greeter())->greet('  ', new DateTimeImmutable('2024-05-01 09:00'));

        self::assertSame('Good morning, there!', $greeting);
    }
}
