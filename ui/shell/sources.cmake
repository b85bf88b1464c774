# The shell around the pages: start-up options, the session, the main window with its toolbar,
# navigation, message bar and task status, the welcome page, the screenshot runner.
target_sources(mcdesk_ui PRIVATE
    shell/appicon.h shell/appicon.cpp
    shell/appoptions.h shell/appoptions.cpp
    shell/screenshotrunner.h shell/screenshotrunner.cpp
    shell/session.h shell/session.cpp
    shell/connectionstatus.h
    shell/connectioncontroller.h shell/connectioncontroller.cpp
    shell/mainwindow.h shell/mainwindow.cpp
    shell/mainactions.h shell/mainactions.cpp
    shell/shortcutsheet.h shell/shortcutsheet.cpp
    shell/navigationdelegate.h shell/navigationdelegate.cpp
    shell/sessiontoolbar.h shell/sessiontoolbar.cpp
    shell/connectionindicator.h shell/connectionindicator.cpp
    shell/taskstatus.h shell/taskstatus.cpp
    shell/messagebar.h shell/messagebar.cpp
    shell/unfinishedjobsbar.h shell/unfinishedjobsbar.cpp
    shell/welcomepage.h shell/welcomepage.cpp)
