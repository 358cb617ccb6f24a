# SPDX-License-Identifier: LGPL-2.1-or-later
# Run by test_failures.py under `unshare --mount`: mounts a small tmpfs (in
# this private mount namespace only, gone when the process exits), boots a
# guest on the node ROOT, saves it into the tmpfs and prints what happened
# as JSON. The VM's monitor and QEMU are this process's children, so they
# see the tmpfs too.
import json
import os
import subprocess
import sys

from conftest import GLib, GVirt, Node

root, guest_json, size = sys.argv[1], sys.argv[2], sys.argv[3]
full = os.path.join(root, 'full')
os.mkdir(full)
subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size}', 'tmpfs', full], check=True)

node = Node(root, json.loads(guest_json))
conn = node.connect()
dom = conn.define_domain_sync(node.config(name='full'), None)
dom.start_sync(None)
node.wait_ready('full')
path = os.path.join(full, 'full.img')
result = {}
try:
    dom.save_sync(path, None)
    result['error'] = None
except GLib.Error as e:
    result['error'] = e.message
    result['code'] = e.code
result['file_left'] = os.path.exists(path)
result['state'] = dom.get_info_sync(None).state.value_nick
if dom.props.id >= 0:
    dom.destroy_sync(None)
conn.close()
print(json.dumps(result))
