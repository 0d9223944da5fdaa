<?php

declare(strict_types=1);

/**
 * Stores a value in Redis and reads it back, speaking RESP over a socket (no extension needed).
 */
final class RedisValue
{
    /** @var resource */
    private $socket;

    public function __construct(string $host, int $port)
    {
        $socket = @fsockopen($host, $port, $errno, $error, 5.0);
        if ($socket === false) {
            throw new RuntimeException("Redis at $host:$port does not answer: $error");
        }
        $this->socket = $socket;
    }

    public function set(string $key, string $value): void
    {
        $this->command('SET', $key, $value);
    }

    public function get(string $key): ?string
    {
        return $this->command('GET', $key);
    }

    private function command(string ...$words): ?string
    {
        $request = '*' . count($words) . "\r\n";
        foreach ($words as $word) {
            $request .= '$' . strlen($word) . "\r\n" . $word . "\r\n";
        }
        fwrite($this->socket, $request);
        $line = rtrim((string) fgets($this->socket), "\r\n");
        if ($line === '' || $line[0] === '-') {
            throw new RuntimeException("Redis refused $words[0]: $line");
        }
        if ($line[0] !== '$') {
            return substr($line, 1);
        }
        $length = (int) substr($line, 1);
        return $length < 0 ? null : substr((string) fread($this->socket, $length + 2), 0, $length);
    }
}
