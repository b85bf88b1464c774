# mcdesk_sim driven over loopback by a bare QNetworkAccessManager (no client classes).
foreach(t test_sim_auth test_sim_held test_sim_archive test_sim_faults test_sim_senders
        test_sim_respond)
    mcdesk_add_test(${t} SOURCES unit/simulator/${t}.cpp unit/simulator/simtestclient.h
        LIBS mcdesk_sim Qt6::Network LABELS unit)
endforeach()
