namespace Slipway.Aws;

/// <summary>A Fargate task size: CPU units (1024 = one vCPU) and memory in MiB.</summary>
public sealed record TaskSize(int Cpu, int Memory)
{
    /// <summary>True when Fargate offers this CPU and memory pair.</summary>
    public bool IsFargateSize => Cpu switch
    {
        256 => Memory is 512 or 1024 or 2048,
        512 => Memory is >= 1024 and <= 4096 && Memory % 1024 == 0,
        1024 => Memory is >= 2048 and <= 8192 && Memory % 1024 == 0,
        2048 => Memory is >= 4096 and <= 16384 && Memory % 1024 == 0,
        4096 => Memory is >= 8192 and <= 30720 && Memory % 1024 == 0,
        8192 => Memory is >= 16384 and <= 61440 && Memory % 4096 == 0,
        16384 => Memory is >= 32768 and <= 122880 && Memory % 8192 == 0,
        _ => false,
    };
}
