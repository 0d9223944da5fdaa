<?php

declare(strict_types=1);

namespace Slipway\Greeting;

use DateTimeInterface;

/**
 * Greets a visitor in words that suit the time of day.
 */
final class Greeter
{
    /**
     * Returns a greeting such as "Good morning, Ada!" for the given moment.
     */
    public function greet(string $name, DateTimeInterface $moment): string
    {
        $visitor = trim($name) === '' ? 'there' : trim($name);

        return sprintf('%s, %s!', $this->partOfDay((int) $moment->format('G')), $visitor);
    }

    private function partOfDay(int $hour): string
    {
        if ($hour < 5 || $hour >= 22) {
            return 'Good night';
        }
        if ($hour < 12) {
            return 'Good morning';
        }
        if ($hour < 18) {
            return 'Good afternoon';
        }

        return 'Good evening';
    }
}
