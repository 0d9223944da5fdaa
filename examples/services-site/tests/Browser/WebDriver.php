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

    /**
     * One command over curl, which stops at the answer's Content-Length: chromedriver keeps the connection
     * open whatever the request asks, so PHP's http:// stream (which reads until the server closes) would
     * wait for chromedriver's two-minute idle timeout on every command.
     *
     * @return mixed the answer's value
     */
    private function call(string $method, string $path, ?array $body = null)
    {
        $request = curl_init($this->url . $path);
        curl_setopt_array($request, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_CONNECTTIMEOUT => 10,
            CURLOPT_TIMEOUT => 60,
        ]);
        if ($body !== null) {
            curl_setopt($request, CURLOPT_POSTFIELDS, json_encode($body));
        }
        $text = curl_exec($request);
        if ($text === false) {
            throw new RuntimeException("WebDriver $method $path did not answer: " . curl_error($request));
        }
        $answer = json_decode((string) $text, true);
        if (!is_array($answer) || isset($answer['value']['error'])) {
            throw new RuntimeException("WebDriver $method $path failed: " . json_encode($answer['value'] ?? $text));
        }
        return $answer['value'] ?? null;
    }
}
