// These tests drive real Docker builds: run them one at a time on the engine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
