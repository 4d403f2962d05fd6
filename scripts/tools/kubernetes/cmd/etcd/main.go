// Command etcd is the etcd server from its Go module (go.etcd.io/etcd/server/v3), at the version
// k8s.io/kubernetes v1.37.2 itself requires, so the API server and its store come from one pin.
// It is the upstream entry point unchanged: etcdmain.Main with the process arguments.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
