// Built-in base configs for the fuzzer when the shared corpus (../shared/corpus) is absent,
// and one of them as the body of the hand-written special cases.
import type { Base } from './mutate.js';

const vrrp = `! Configuration File for keepalived
global_defs {
    router_id LVS_1
    notification_email {
        ops@example.com
    }
    script_user root
    enable_script_security
}

vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    interval 2
    weight -20
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    unicast_src_ip 192.168.1.10
    unicast_peer {
        192.168.1.11
    }
    authentication {
        auth_type PASS
        auth_pass secret12
    }
    virtual_ipaddress {
        10.0.0.100/24 dev eth0 label eth0:1
    }
    track_script {
        chk_nginx
    }
    notify_master "/etc/keepalived/notify.sh master"
}
`;

const lvs = `global_defs {
    router_id LB_A
}

vrrp_sync_group G1 {
    group {
        VI_WEB
    }
}

vrrp_instance VI_WEB {
    state BACKUP
    interface eth1
    virtual_router_id 60
    priority 90
    nopreempt
    virtual_ipaddress {
        172.16.0.10
    }
}

virtual_server_group WEB {
    172.16.0.10 80
    172.16.0.10 443
}

virtual_server 172.16.0.10 80 {
    delay_loop 6
    lb_algo wrr
    lb_kind DR
    persistence_timeout 50
    protocol TCP

    real_server 172.16.0.21 80 {
        weight 3
        HTTP_GET {
            url {
                path /health
                status_code 200
            }
            connect_timeout 3
            retry 3
            delay_before_retry 3
        }
    }
    real_server 172.16.0.22 80 {
        weight 1
        TCP_CHECK {
            connect_port 80
            connect_timeout 3
        }
    }
}
`;

const dpvs = `global_defs {
    router_id dpvs_1
}

local_address_group laddr_g1 {
    192.168.100.200 dpdk0
    192.168.100.201 dpdk0
}

vrrp_instance VI_1 {
    state MASTER
    interface dpdk0.kni
    dpdk_interface dpdk0
    virtual_router_id 123
    priority 100
    advert_int 1
    virtual_ipaddress {
        192.168.100.254
    }
}

virtual_server 192.168.100.254 80 {
    delay_loop 3
    lb_algo rr
    lb_kind FNAT
    protocol TCP
    syn_proxy
    laddr_group_name laddr_g1

    real_server 192.168.100.2 80 {
        weight 100
        inhibit_on_failure
        TCP_CHECK {
            nb_sock_retry 2
            connect_timeout 3
            connect_port 80
        }
    }
}
`;

const preprocessor = `$IF=eth0
$VIP=10.0.0.50/24
$INST=\\
vrrp_instance VI_$N { \\
    interface $IF \\
    virtual_router_id $N \\
}
@lb1 $PRIO=150
@lb2 $PRIO=100
@^lb1 router_id other

global_defs {
    router_id \${IF}_router
}

~SEQ(N,1,3) $INST

vrrp_instance VI_MAIN {
    state BACKUP
    interface $IF
    virtual_router_id 99
    priority $PRIO
    virtual_ipaddress {
        $VIP
    }
}
~LST(p,80,443) virtual_server 10.0.0.50 $p { lb_algo rr }
include conf.d/*.conf
`;

export const SAMPLES: Base[] = [
  { name: 'sample:vrrp', text: vrrp },
  { name: 'sample:lvs', text: lvs },
  { name: 'sample:dpvs', text: dpvs },
  { name: 'sample:preprocessor', text: preprocessor },
];
