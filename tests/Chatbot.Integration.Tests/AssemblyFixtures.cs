using Chatbot.Testing.Servers;

// One private PostgreSQL and one Redis for the assembly; each test uses its own database and cluster id.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(RedisServer))]
