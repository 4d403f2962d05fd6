// Command pulumi-language-nodejs is the Node.js language host the engine install script puts on PATH.
//
// Why a shim: the Go module proxy serves the Node.js language host only up to v3.68.0 (it lived in
// sdk/v3 until then; its later module, sdk/nodejs/cmd/pulumi-language-nodejs/v3, is refused). That
// host runs programs fine with the v3.248 engine, but its RunPlugin returns "not supported", and the
// v3.248 engine starts a Node.js policy pack through the language host's RunPlugin whenever a
// `nodejs` language plugin is installed. So this process starts the pinned upstream host, forwards
// every call to it byte for byte, and answers RunPlugin for policy packs itself, the way newer hosts
// do: `node @pulumi/pulumi/cmd/run-policy-pack <engine> <pack dir>`, streaming stdout, stderr and the
// exit code back. Nothing else is changed or emulated.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

const runPluginMethod = "/pulumirpc.LanguageRuntime/RunPlugin"

// frame is an undecoded gRPC message: forwarded calls are never parsed, so fields this build's
// protocol does not know survive the trip.
type frame []byte

type rawCodec struct{}

func (rawCodec) Name() string { return "proto" }

func (rawCodec) Marshal(v any) ([]byte, error) {
	if f, ok := v.(*frame); ok {
		return *f, nil
	}
	return nil, fmt.Errorf("raw codec cannot marshal %T", v)
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	f, ok := v.(*frame)
	if !ok {
		return fmt.Errorf("raw codec cannot unmarshal into %T", v)
	}
	*f = append((*f)[:0], data...)
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs (llmops shim): %v\n", err)
		os.Exit(1)
	}
}

func upstreamHostPath() (string, error) {
	if p := os.Getenv("LLMOPS_UPSTREAM_NODEJS_HOST"); p != "" {
		return p, nil
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(self), "..", "libexec", "pulumi-language-nodejs-upstream"), nil
}

func run() error {
	upstream, err := upstreamHostPath()
	if err != nil {
		return err
	}
	child := exec.Command(upstream, os.Args[1:]...)
	child.Stderr = os.Stderr
	child.Stdin = os.Stdin
	childOut, err := child.StdoutPipe()
	if err != nil {
		return err
	}
	if err := child.Start(); err != nil {
		return fmt.Errorf("starting the upstream host %s: %w", upstream, err)
	}
	// The upstream host announces its port as the first line of stdout, as every plugin does.
	reader := bufio.NewReader(childOut)
	portLine, err := reader.ReadString('\n')
	if err != nil {
		return fmt.Errorf("reading the upstream host's port: %w", err)
	}
	port := strings.TrimSpace(portLine)

	conn, err := grpc.NewClient("127.0.0.1:"+port,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(rawCodec{}), grpc.MaxCallRecvMsgSize(400<<20), grpc.MaxCallSendMsgSize(400<<20)))
	if err != nil {
		return err
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := grpc.NewServer(
		grpc.ForceServerCodec(rawCodec{}),
		grpc.MaxRecvMsgSize(400<<20), grpc.MaxSendMsgSize(400<<20),
		grpc.UnknownServiceHandler(func(_ any, stream grpc.ServerStream) error {
			method, _ := grpc.MethodFromServerStream(stream)
			if method == runPluginMethod {
				return runPlugin(stream)
			}
			return forward(conn, method, stream)
		}))
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)
	go func() { _, _ = io.Copy(os.Stdout, reader) }()

	// The upstream host exits when the engine goes away; the shim follows it.
	go func() {
		waitErr := child.Wait()
		server.Stop()
		var exitErr *exec.ExitError
		if errors.As(waitErr, &exitErr) {
			os.Exit(exitErr.ExitCode())
		}
		os.Exit(0)
	}()
	return server.Serve(listener)
}

// forward relays one call of any shape (unary or streaming) to the upstream host.
func forward(conn *grpc.ClientConn, method string, in grpc.ServerStream) error {
	ctx, cancel := context.WithCancel(in.Context())
	defer cancel()
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		ctx = metadata.NewOutgoingContext(ctx, md.Copy())
	}
	out, err := conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, method)
	if err != nil {
		return err
	}
	// Requests flow up in the background; a failure on either side ends the call through the
	// shared context or the upstream's status, which the loop below returns.
	go func() {
		for {
			var msg frame
			if err := in.RecvMsg(&msg); err != nil {
				if errors.Is(err, io.EOF) {
					_ = out.CloseSend()
				} else {
					cancel()
				}
				return
			}
			if err := out.SendMsg(&msg); err != nil {
				return
			}
		}
	}()
	headerSent := false
	for {
		var msg frame
		err := out.RecvMsg(&msg)
		if !headerSent {
			if header, herr := out.Header(); herr == nil {
				_ = in.SendHeader(header)
			}
			headerSent = true
		}
		if err != nil {
			in.SetTrailer(out.Trailer())
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := in.SendMsg(&msg); err != nil {
			return err
		}
	}
}

// runPlugin starts a Node.js policy pack (the only plugin kind a Node.js program needs run from
// source here) and streams its output back as RunPluginResponse messages.
func runPlugin(stream grpc.ServerStream) error {
	var raw frame
	if err := stream.RecvMsg(&raw); err != nil {
		return err
	}
	var req pulumirpc.RunPluginRequest
	if err := proto.Unmarshal(raw, &req); err != nil {
		return status.Errorf(codes.InvalidArgument, "decoding RunPluginRequest: %v", err)
	}
	if req.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented, "the llmops shim runs only policy packs (kind %q asked)", req.GetKind())
	}
	packDir := req.GetInfo().GetProgramDirectory()
	if packDir == "" {
		packDir = req.GetPwd()
	}
	runner, err := resolveRunPolicyPack(packDir)
	if err != nil {
		return status.Error(codes.FailedPrecondition, err.Error())
	}
	args := append([]string{runner}, req.GetArgs()...)
	args = append(args, packDir)
	cmd := exec.CommandContext(stream.Context(), "node", args...)
	cmd.Dir = packDir
	cmd.Env = append(os.Environ(), req.GetEnv()...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return status.Errorf(codes.Internal, "starting node: %v", err)
	}

	var sendMu sync.Mutex
	send := func(resp *pulumirpc.RunPluginResponse) error {
		data, err := proto.Marshal(resp)
		if err != nil {
			return err
		}
		msg := frame(data)
		sendMu.Lock()
		defer sendMu.Unlock()
		return stream.SendMsg(&msg)
	}
	pump := func(r io.Reader, wrap func([]byte) *pulumirpc.RunPluginResponse, wg *sync.WaitGroup) {
		defer wg.Done()
		buf := make([]byte, 32*1024)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				_ = send(wrap(append([]byte(nil), buf[:n]...)))
			}
			if err != nil {
				return
			}
		}
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go pump(stdout, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
	}, &wg)
	go pump(stderr, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
	}, &wg)
	wg.Wait()
	code := int32(0)
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return status.Errorf(codes.Internal, "waiting for node: %v", err)
		}
		code = int32(exitErr.ExitCode())
	}
	return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

// resolveRunPolicyPack finds @pulumi/pulumi's policy-pack runner the way Node resolves a package:
// in node_modules of the pack directory or of any directory above it.
func resolveRunPolicyPack(packDir string) (string, error) {
	dir, err := filepath.Abs(packDir)
	if err != nil {
		return "", err
	}
	for {
		candidate := filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack", "index.js")
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("@pulumi/pulumi is not installed in or above %s; run npm install there", packDir)
		}
		dir = parent
	}
}
