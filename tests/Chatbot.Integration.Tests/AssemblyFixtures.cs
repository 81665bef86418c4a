using Chatbot.Testing.Servers;

// One private PostgreSQL and one Redis for the assembly; each test uses its own database and cluster id.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(RedisServer))]

// Each test runs a cluster of real processes; run them one at a time so their start-up and failure detection are not
// starved of CPU by each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
