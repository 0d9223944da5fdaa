<?php

declare(strict_types=1);

/**
 * The few W3C WebDriver commands the browser tests use, as plain HTTP to WEBDRIVER_URL.
 */
final class WebDriver
{
    private string $session;

    public function __construct(private string $url)
    {
        $capabilities = ['capabilities' => ['alwaysMatch' => [
            'browserName' => 'chrome',
            'goog:chromeOptions' => ['args' => ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1024,768']],
        ]]];
        $this->session = $this->call('POST', '/session', $capabilities)['sessionId'];
    }

    public static function fromEnvironment(): self
    {
        $url = getenv('WEBDRIVER_URL');
        if ($url === false || $url === '') {
            throw new RuntimeException('WEBDRIVER_URL is not set: these tests need a browser service.');
        }
        return new self(rtrim($url, '/'));
    }

    public function open(string $address): void
    {
        $this->call('POST', "/session/$this->session/url", ['url' => $address]);
    }

    public function text(string $cssSelector): string
    {
        $found = $this->call('POST', "/session/$this->session/element", ['using' => 'css selector', 'value' => $cssSelector]);
        $element = reset($found);
        return $this->call('GET', "/session/$this->session/element/$element/text");
    }

    /** Saves a screenshot of the page to the folder Slipway reports from, and returns its path. */
    public function screenshot(string $name): string
    {
        $folder = getenv('SLIPWAY_SCREENSHOTS_DIR') ?: sys_get_temp_dir();
        $path = "$folder/$name.png";
        file_put_contents($path, base64_decode($this->call('GET', "/session/$this->session/screenshot")));
        return $path;
    }

    public function quit(): void
    {
        $this->call('DELETE', "/session/$this->session");
    }

    /** @return mixed the answer's value */
    private function call(string $method, string $path, ?array $body = null)
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Content-Type: application/json\r\n",
            'content' => $body === null ? '' : json_encode($body),
            'ignore_errors' => true,
            'timeout' => 60,
        ]]);
        $answer = json_decode((string) file_get_contents($this->url . $path, false, $context), true);
        if (!is_array($answer) || isset($answer['value']['error'])) {
            throw new RuntimeException("WebDriver $method $path failed: " . json_encode($answer['value'] ?? $answer));
        }
        return $answer['value'] ?? $answer;
    }
}
