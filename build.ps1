# Bootstrap of the Slipway build on Windows: finds (or installs) the .NET SDK that global.json asks for, compiles
# build/ into .nuke/temp/build when its sources changed since the last successful compile, and runs it with every
# argument passed through unchanged: .\build.ps1 Playground --branch demo
[CmdletBinding()]
Param(
    [Parameter(Position = 0, Mandatory = $false, ValueFromRemainingArguments = $true)]
    [string[]]$BuildArguments
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 2.0

$ScriptDir = Split-Path $MyInvocation.MyCommand.Path -Parent
$TempDirectory = Join-Path $ScriptDir ".nuke\temp"
$BuildProjectFile = Join-Path $ScriptDir "build\_build.csproj"
$BuildOutput = Join-Path $TempDirectory "build"
$BuildDll = Join-Path $BuildOutput "_build.dll"
# Holds the path of the dotnet that compiled the build; its last write time is when that compile started.
$StampFile = Join-Path $TempDirectory "build.stamp"
# The files the build was compiled from, to notice files added, deleted or renamed since.
$InputsFile = Join-Path $TempDirectory "build.inputs"
$DotNetInstallUrl = if ($env:SLIPWAY_DOTNET_INSTALL_URL) { $env:SLIPWAY_DOTNET_INSTALL_URL } else { "https://dot.net/v1/dotnet-install.ps1" }
$DotNetInstallDirectory = Join-Path $TempDirectory "dotnet"

$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1
$env:DOTNET_MULTILEVEL_LOOKUP = 0

# The files the build is compiled from: build/, source/ (without bin/ and obj/), Directory.*.props and global.json.
function Get-BuildInputs {
    foreach ($name in @("build", "source", "Directory.Build.props", "Directory.Packages.props", "global.json")) {
        $path = Join-Path $ScriptDir $name
        if (Test-Path $path -PathType Leaf) {
            Get-Item $path
        }
        elseif (Test-Path $path) {
            Get-ChildItem $path -Recurse -File -Force | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
        }
    }
}

function Get-BuildInputsListing([object[]]$Files) {
    return (($Files | ForEach-Object { $_.FullName }) -join "`n")
}

# True when a file the build is compiled from was changed, added or deleted since the last successful compile.
function Test-BuildIsStale {
    if (!(Test-Path $StampFile) -or !(Test-Path $InputsFile) -or !(Test-Path $BuildDll)) { return $true }
    $stampTime = (Get-Item $StampFile).LastWriteTimeUtc
    $files = @(Get-BuildInputs)
    if ($files | Where-Object { $_.LastWriteTimeUtc -gt $stampTime } | Select-Object -First 1) { return $true }
    return (Get-BuildInputsListing $files) -ne (Get-Content $InputsFile -Raw)
}

function Invoke-Build([string]$DotNetExe) {
    & $DotNetExe $BuildDll @BuildArguments
    exit $LASTEXITCODE
}

# Fast start: nothing changed, so run the compiled build with the dotnet that compiled it.
if (!(Test-BuildIsStale)) {
    $recorded = (Get-Content $StampFile -TotalCount 1)
    if ($recorded -and (Test-Path $recorded)) { Invoke-Build $recorded }
}

$GlobalJson = Get-Content (Join-Path $ScriptDir "global.json") -Raw | ConvertFrom-Json
$RequiredVersion = [version]$GlobalJson.sdk.version
$RollForward = if ($GlobalJson.sdk.PSObject.Properties["rollForward"]) { $GlobalJson.sdk.rollForward } else { "latestPatch" }

function Test-SdkSatisfies([string]$Text) {
    if ($Text -notmatch '^\d+\.\d+\.\d+$') { return $false }
    $have = [version]$Text
    if ($have -lt $RequiredVersion) { return $false }
    switch -regex ($RollForward) {
        '^disable$' { return $have -eq $RequiredVersion }
        '^(patch|latestPatch)$' { return $have.Major -eq $RequiredVersion.Major -and $have.Minor -eq $RequiredVersion.Minor -and [math]::Floor($have.Build / 100) -eq [math]::Floor($RequiredVersion.Build / 100) }
        '^(feature|latestFeature)$' { return $have.Major -eq $RequiredVersion.Major -and $have.Minor -eq $RequiredVersion.Minor }
        '^(minor|latestMinor)$' { return $have.Major -eq $RequiredVersion.Major }
        default { return $true }
    }
}

function Test-DotNetHasSdk([string]$DotNetExe) {
    try { $sdks = & $DotNetExe --list-sdks 2>$null } catch { return $false }
    foreach ($line in $sdks) {
        if (Test-SdkSatisfies ($line -split ' ')[0]) { return $true }
    }
    return $false
}

$PathDotNet = Get-Command "dotnet" -ErrorAction SilentlyContinue
$LocalDotNet = Join-Path $DotNetInstallDirectory "dotnet.exe"
if ($PathDotNet -and (Test-DotNetHasSdk $PathDotNet.Source)) {
    $DotNetExe = $PathDotNet.Source
}
elseif ((Test-Path $LocalDotNet) -and (Test-DotNetHasSdk $LocalDotNet)) {
    $DotNetExe = $LocalDotNet
}
else {
    $Advice = "install the .NET SDK $RequiredVersion (or a later one that global.json allows) from https://dot.net and put dotnet on PATH, then run build.ps1 again"
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    $Installer = Join-Path $TempDirectory "dotnet-install.ps1"
    try {
        [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
        (New-Object System.Net.WebClient).DownloadFile($DotNetInstallUrl, $Installer)
    }
    catch {
        [Console]::Error.WriteLine("Could not download the .NET SDK installer from $DotNetInstallUrl (offline?): $Advice.")
        exit 1
    }
    & powershell -NoProfile -ExecutionPolicy Bypass -File $Installer -InstallDir $DotNetInstallDirectory -Version $GlobalJson.sdk.version -NoPath
    if ($LASTEXITCODE -ne 0) {
        [Console]::Error.WriteLine("Could not install the .NET SDK $RequiredVersion into ${DotNetInstallDirectory}: $Advice.")
        exit 1
    }
    $DotNetExe = $LocalDotNet
}

New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
Set-Content -Path "$StampFile.next" -Value $DotNetExe
Set-Content -Path "$InputsFile.next" -Value (Get-BuildInputsListing @(Get-BuildInputs)) -NoNewline
$BuildLog = Join-Path $TempDirectory "build.log"
& $DotNetExe build $BuildProjectFile --configuration Release --output $BuildOutput --nologo *> $BuildLog
if ($LASTEXITCODE -ne 0) {
    Get-Content $BuildLog | Write-Host
    Remove-Item "$StampFile.next", "$InputsFile.next" -ErrorAction SilentlyContinue
    [Console]::Error.WriteLine("Compiling the build failed: fix the errors above (full log: $BuildLog).")
    exit 1
}
Move-Item "$InputsFile.next" $InputsFile -Force
Move-Item "$StampFile.next" $StampFile -Force

Invoke-Build $DotNetExe
