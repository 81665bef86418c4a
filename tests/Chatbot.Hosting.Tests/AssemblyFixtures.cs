using Chatbot.Testing.Servers;

// One private PostgreSQL and one Redis for the whole assembly; each test that changes data creates its own database or
// uses its own cluster and service ids.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(RedisServer))]
