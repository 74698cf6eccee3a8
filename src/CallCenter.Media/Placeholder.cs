namespace CallCenter.Media;
