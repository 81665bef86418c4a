// Streams one chat turn from the gateway's gRPC API with @grpc/grpc-js and prints every event as one JSON line
// (proto field names, as the .proto declares them). Usage: node chat-stream.js '<json options>' where the options are
// { "address": "127.0.0.1:50051", "token": "...", "request": { ...chatbot.v1.ChatRequest fields... } }.
// Exits 0 when the stream ends; otherwise prints {"code":<grpc status>,"details":"..."} on stderr and exits 2.
'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.resolve(__dirname, '..', '..', 'gateway', 'Chatbot.Gateway', 'Protos');
const definition = protoLoader.loadSync(path.join(protoRoot, 'chatbot', 'v1', 'chat.proto'), {
  includeDirs: [protoRoot],
  keepCase: true,   // field names exactly as in the .proto (snake_case, like the SSE JSON)
  longs: Number,    // seq and token counts as numbers
  defaults: true,   // every plain field present; proto3 "optional" fields only when the server set them
  arrays: true,
});
const chatbot = grpc.loadPackageDefinition(definition).chatbot.v1;

const options = JSON.parse(process.argv[2] ?? '{}');
const client = new chatbot.ChatService(options.address, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
if (options.token) {
  metadata.add('authorization', `Bearer ${options.token}`);
}

const call = client.StreamChat(options.request ?? {}, metadata);
call.on('data', (event) => process.stdout.write(JSON.stringify(event) + '\n'));
call.on('error', (error) => {
  process.stderr.write(JSON.stringify({ code: error.code, details: error.details }) + '\n');
  process.exitCode = 2;
});
call.on('end', () => client.close());
